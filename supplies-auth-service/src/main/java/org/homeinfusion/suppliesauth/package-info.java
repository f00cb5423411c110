/** The equipment and supplies pillar: supplies billed item by item or bundled into a per diem, and their deliveries. */
package org.homeinfusion.suppliesauth;
