import type { FormEvent } from 'react';

/** A form's submit handler that sends the request instead of reloading the page. */
export const submitWith = (send: () => void) => (event: FormEvent) => {
  event.preventDefault();
  send();
};
