// The cases area's use cases (clarification of false information, Art. 4).
export * from './use-cases/opening.js';
export * from './use-cases/assignments.js';
export * from './use-cases/transitions.js';
export * from './use-cases/reading.js';
export * from './use-cases/reminders.js';
export * from './use-cases/figures.js';
export { CASE_STATUSES, CASE_TRANSITION_NAMES, RESPONSE_FORMS, SEVERITIES, REMINDER_KINDS, dueDateFor, deadlineEnd, type CaseTransition } from './model.js';
