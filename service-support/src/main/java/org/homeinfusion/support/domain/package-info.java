/** What the services' aggregates may share without knowing HTTP, a database or a broker: their refusals. */
package org.homeinfusion.support.domain;
