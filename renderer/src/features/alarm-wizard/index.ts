/** The alarm wizard's door: what other features may use of it. */
export { formFromAlarm, type AlarmForm } from './form';
