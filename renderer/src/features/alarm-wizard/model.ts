/**
 * The alarm wizard's pure model, in pieces: the form and its transitions (./form.ts), its
 * validation with the shared schemas (./validation.ts), the backtest as the wizard shows it
 * (./backtest-view.ts), what the review says (./preview.ts), and what "New alarm" does with the
 * wizard's place (./entry.ts). No state lives here: the wizard holds the form, and the shell hands
 * it an alarm to edit as a prop.
 */
export * from './form';
export * from './validation';
export * from './backtest-view';
export * from './preview';
export * from './entry';
