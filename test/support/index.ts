export * from './client';
export * from './database';
export * from './funders';
export * from './journey';
export * from './reliability';
export * from './system';
export * from './tier2';
