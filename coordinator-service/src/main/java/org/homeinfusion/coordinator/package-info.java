/** The coordinator: declares a home infusion start ready to schedule, exactly once, and tells whoever waits for it. */
package org.homeinfusion.coordinator;
