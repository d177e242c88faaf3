export * from './call.entity';
export * from './competition.dto';
export * from './competition.facade';
export * from './competition.module';
export * from './contracts/competition';
export * from './offer.entity';
