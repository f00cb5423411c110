package org.homeinfusion.benchmark.report;

/** One of the targets, what was measured against it, and whether it was met ({@code null}: not measured). */
public record TargetCheck(String target, String measured, Boolean met) {
}
