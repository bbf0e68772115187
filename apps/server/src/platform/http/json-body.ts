import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies must be valid UTF-8 (Node would silently turn bad bytes into U+FFFD and store them),
 * and keys like `__proto__` are dropped rather than trusted.
 */
export function registerStrictJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(new AppError('request.malformed'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(new AppError('request.malformed'), undefined);
      return;
    }
    try {
      done(
        null,
        JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' ? undefined : value)),
      );
    } catch {
      done(new AppError('request.malformed'), undefined);
    }
  });
}
