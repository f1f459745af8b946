export { addDays, addWeeks, dayOfWeek, toAmsterdamDate } from './iso-date.js';
export { easterSunday } from './easter.js';
export { feestdagen, isFeestdag, type Feestdag, type Grond } from './feestdagen.js';
export { addWerkdagen, isWerkdag, werkdagenBetween, werkdagOnOrAfter } from './werkdagen.js';
export { DEADLINES, dueDate, status, type DeadlineKind, type DeadlineRule, type DeadlineStatus } from './deadline.js';
