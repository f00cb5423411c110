/** Supply and per diem codes, and the coverage preflight that refuses a supplies request the payer would deny. */
package org.homeinfusion.suppliesauth.catalog;
