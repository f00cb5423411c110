/** Reading the CSV catalogs a service loads at start-up, so a new code needs a restart, not a rebuild. */
package org.homeinfusion.support.catalog;
