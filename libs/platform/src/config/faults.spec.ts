import type { AppConfig } from './app-config';
import { Faults } from './faults';

const faults = (points: string[], pauseMs = 0) =>
  new Faults({ FAULT_POINTS: points, FAULT_PAUSE_MS: pauseMs } as unknown as AppConfig);

describe('Faults', () => {
  let exit: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('does nothing at a point that is not listed', () => {
    faults(['settlement.before-commit']).crashAt('relay.after-publish');
    expect(exit).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('kills the process with 137 at a listed point', () => {
    faults(['settlement.before-commit']).crashAt('settlement.before-commit');
    expect(stderr).toHaveBeenCalledWith('fault injected: settlement.before-commit\n');
    expect(exit).toHaveBeenCalledWith(137);
  });

  it('with a pause, freezes the process at a listed point once instead of killing it', () => {
    const wait = jest.spyOn(Atomics, 'wait').mockReturnValue('timed-out');
    const subject = faults(['settlement.before-commit'], 200);
    subject.crashAt('settlement.before-commit');
    subject.crashAt('settlement.before-commit');

    // the event loop is blocked once, for the pause
    expect(wait).toHaveBeenCalledTimes(1);
    expect(wait.mock.calls[0][3]).toBe(200);
    expect(exit).not.toHaveBeenCalled();
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(stderr).toHaveBeenCalledWith('fault injected: settlement.before-commit (frozen for 200 ms)\n');
  });
});
