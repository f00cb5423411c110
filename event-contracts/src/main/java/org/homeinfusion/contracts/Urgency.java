package org.homeinfusion.contracts;

/**
 * How fast the payer must decide: EXPEDITED when waiting could seriously jeopardize the patient's health
 * (CMS-0057-F gives payers 72 hours for those, 7 calendar days for STANDARD requests). Events written before
 * urgency existed carry none; readers take STANDARD.
 */
public enum Urgency {
    STANDARD,
    EXPEDITED
}
