import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AcceptanceModule } from './acceptance.module';
import { AcceptanceProcessor } from './acceptance.processor';
import { ACCEPTANCE_QUEUE } from './contracts/acceptance';

@Module({
  imports: [AcceptanceModule, BullModule.registerQueue({ name: ACCEPTANCE_QUEUE })],
  providers: [AcceptanceProcessor],
})
export class AcceptanceWorkerModule {}
