export { Clock, SystemClock } from './clock';
export { firstRepeated } from './collections';
export { DomainError, errorCodes } from './domain-error';
export type { ErrorKind } from './domain-error';
export { deterministicId, isUuid, newId } from './ids';
export { KPI_DIRECTIONS, MEANINGFUL_UNIT, MEASUREMENT_FREQUENCIES, isWorse } from './kpi';
export type { KpiDirection, MeasurementFrequency } from './kpi';
export { hanoiDateTime } from './hanoi-time';
export { floorDong, formatDong, formatExact, parseDecimal, parseExact } from './money';
export { Fraction } from './money';
export { decodeCursor, decodeIntegerIdCursor, decodeTimeIdCursor, encodeCursor, pageOf } from './pagination';
export type { Page } from './pagination';
export {
  cumulativeEarned,
  cumulativeEarnedAfterEach,
  explainKpi,
  measuredDisplay,
  roundEarnedExact,
  simulateKpiAlone,
  simulatePayout,
  validatePaymentTerms,
} from './payout';
export type { KpiPaymentTerms, PaymentTerms, RoundMeasurements } from './payout';
export { StateMachine } from './state-machine';
export { textProblems } from './text';
export type { TextRule } from './text';
