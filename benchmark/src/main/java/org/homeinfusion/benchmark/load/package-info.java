/** The load: synthetic cases of realistic scenarios, played open-loop at fixed arrival rates through the HTTP APIs. */
package org.homeinfusion.benchmark.load;
