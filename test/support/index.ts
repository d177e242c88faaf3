export * from './client';
export * from './database';
export * from './journey';
export * from './system';
