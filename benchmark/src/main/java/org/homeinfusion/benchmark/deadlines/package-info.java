/** The deadline benchmark: a million waiting deadlines, then how fast ten thousand that fall due together are raised. */
package org.homeinfusion.benchmark.deadlines;
