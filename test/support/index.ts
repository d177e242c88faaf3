export * from './client';
export * from './database';
export * from './funders';
export * from './journey';
export * from './public';
export * from './reliability';
export * from './system';
export * from './tier2';
