export { TransparencyModule } from './transparency.module';
