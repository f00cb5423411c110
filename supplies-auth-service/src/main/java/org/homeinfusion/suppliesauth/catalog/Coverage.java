package org.homeinfusion.suppliesauth.catalog;

/**
 * How equipment and supplies are paid: item by item, each authorized by the payer, or bundled into
 * the pharmacy's per diem code, which already covers them.
 */
public enum Coverage {
    SEPARATE, BUNDLED
}
