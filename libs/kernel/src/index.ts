export * from './clock';
export * from './domain-error';
export * from './ids';
export * from './pagination';
export * from './state-machine';
export * from './money';
export * from './payout';
export * from './kpi';
