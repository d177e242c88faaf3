export * from './contracts/ordering';
export * from './order-terms';
export * from './order.entity';
export * from './ordering.facade';
export * from './ordering.module';
export * from './signature.entity';
