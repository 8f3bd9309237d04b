import { z } from 'zod/v4';
import { UpstreamProtocolError, UpstreamRejected, UpstreamUnavailable } from '../kit';
import { cardsResponseDecoder } from './cardsResponseDecoder';

const schema = z.object({ data: z.array(z.object({ id: z.string() })) });
const response = (status: number, body: string) => ({ status, headers: {}, body });

describe('cardsResponseDecoder', () => {
  it('reads a 200 body that matches its schema', () => {
    expect(cardsResponseDecoder('listCards', schema)(response(200, '{"data":[{"id":"card_1"}]}'))).toEqual({ data: [{ id: 'card_1' }] });
  });

  it('reads a 404 as "no such resource" only when asked to', () => {
    expect(cardsResponseDecoder('getCardholder', schema, true)(response(404, '{"error":"not found"}'))).toBeNull();
    const error = (() => {
      try {
        return cardsResponseDecoder('getCardholder', schema)(response(404, '{}'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toEqual(new UpstreamRejected('CARDS', 'getCardholder', 'request refused (404)'));
    // A 200 is read as usual when 404 means null.
    expect(cardsResponseDecoder('getCardholder', schema, true)(response(200, '{"data":[]}'))).toEqual({ data: [] });
  });

  // [status, error class, message]: expected by hand from the kit's generic mapping.
  it.each<[number, unknown, string]>([
    [500, UpstreamUnavailable, 'CARDS listCards: server error (500)'],
    [400, UpstreamRejected, 'CARDS listCards: request refused (400)'],
    [201, UpstreamRejected, 'CARDS listCards: request refused (201)'],
  ])('turns a %i into the typed error', (status, type, message) => {
    expect(() => cardsResponseDecoder('listCards', schema)(response(status, '{"data":[]}'))).toThrow(type as new () => Error);
    expect(() => cardsResponseDecoder('listCards', schema)(response(status, '{"data":[]}'))).toThrow(message);
  });

  it('refuses a body that is not JSON', () => {
    expect(() => cardsResponseDecoder('listCards', schema)(response(200, '<html>Jane Doe</html>'))).toThrow(new UpstreamProtocolError('CARDS', 'listCards', 'response is not JSON'));
  });

  it('names where the shape is wrong, never the value found there', () => {
    const decode = cardsResponseDecoder('listCards', schema);
    expect(() => decode(response(200, '{"data":[{"id":4111111111111111}]}'))).toThrow(new UpstreamProtocolError('CARDS', 'listCards', 'unexpected response shape at data.0.id'));
    expect(() => decode(response(200, '"Jane Doe"'))).toThrow(new UpstreamProtocolError('CARDS', 'listCards', 'unexpected response shape at root'));
  });
});
