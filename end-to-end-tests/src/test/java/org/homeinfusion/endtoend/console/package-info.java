/** The console in a real headless Chromium against the real services, as its users meet it. */
package org.homeinfusion.endtoend.console;
