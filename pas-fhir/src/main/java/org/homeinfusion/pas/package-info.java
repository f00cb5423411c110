/** The Da Vinci PAS mapping the three pillars share, so a payer's FHIR API sees one dialect whichever pillar it answers. */
package org.homeinfusion.pas;
