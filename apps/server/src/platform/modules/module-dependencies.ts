import type { DatabaseHandle } from '@atmis/db';
import type { AppConfig } from '../../config.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { OutboxDispatcher } from '../outbox/outbox-dispatcher.ts';
import type { PrefillRegistry } from '../prefill/prefill-registry.ts';

/**
 * What every module's routes receive from the app: injected here, at the platform level, so that no
 * module imports `app.ts` (which imports every module) and no import circle runs through it.
 */
export type ModuleDependencies = {
  db: DatabaseHandle['db'];
  database: DatabaseHandle;
  config: AppConfig;
  clock: () => Date;
  /** The one field cipher of the process (victims' identity, TOTP secrets), following the key file. */
  cipher: FieldCipher;
  /** Delivers the outbox's pending events to the app's consumers (run after every successful write request). */
  outbox: OutboxDispatcher;
  /** The app's one mailer (in-app only while ATMIS_SMTP_URL is unset). */
  mailer: Mailer;
  /** The app's prefill providers: record modules register theirs, the reports module asks them. */
  prefill: PrefillRegistry;
};
