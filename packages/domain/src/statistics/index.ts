/** The one small-cell rule for every aggregate shown (statistics, exports, indicators, dashboards). */
export * from './small-cells.ts';
