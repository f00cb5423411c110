/** The public event contract: topics, CloudEvents headers and the messages every service and subscriber relies on. */
package org.homeinfusion.contracts;
