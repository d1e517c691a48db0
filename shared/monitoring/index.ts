/** Pure cost-monitoring logic shared by main (CLI, handlers) and the renderer. */
export * from './alarm-config';
export * from './backtest';
export * from './cost';
export * from './metric';
export * from './range';
export * from './threshold';
