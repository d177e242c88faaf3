export * from './listing-notices.processor';
export * from './notification.entity';
export * from './notifications-worker.module';
export * from './notifications.facade';
export * from './notifications.module';
export * from './notifications.processor';
export * from './precheck-notices.processor';
