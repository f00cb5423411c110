/**
 * The specialist console at {@code /console/}: server-rendered pages that read and act only through the public HTTP
 * APIs, with the signed-in user's own token, so the browser can see and do exactly what that organization may.
 */
package org.homeinfusion.coordinator.console;
