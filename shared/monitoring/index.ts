/** Pure cost-monitoring logic shared by main (CLI, handlers) and the renderer. */
export * from './alarm-config';
export * from './alarm-inputs';
export * from './backtest';
export * from './cost';
export * from './evaluation';
export * from './metric';
export * from './metric-math';
export * from './range';
export * from './threshold';
