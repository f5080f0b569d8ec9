import { describe, expect, it } from 'vitest';
import { createQuoteCache, quoteCacheKey } from '../../src/quote/quote-cache.ts';

describe('quote answer cache', () => {
  it('keeps an answer from the second time its request is seen', () => {
    const cache = createQuoteCache(3, 10);
    cache.set('a', 'A1');
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'A2');
    expect(cache.get('a')).toBe('A2');
    expect(cache.size()).toBe(1);
  });

  it('lets one-off requests pass without evicting the answers asked again and again', () => {
    const cache = createQuoteCache(2, 10);
    for (const key of ['paris', 'lyon']) {
      cache.set(key, `${key}-json`);
      cache.set(key, `${key}-json`);
    }
    for (let fare = 0; fare < 50; fare++) cache.set(`fare-${fare}`, 'one-off');
    expect(cache.get('paris')).toBe('paris-json');
    expect(cache.get('lyon')).toBe('lyon-json');
    expect(cache.size()).toBe(2);
  });

  it('evicts the least recently used answer when full', () => {
    const cache = createQuoteCache(2, 10);
    const admit = (key: string) => {
      cache.set(key, key);
      cache.set(key, key);
    };
    admit('a');
    admit('b');
    expect(cache.get('a')).toBe('a'); // a is now the most recent
    admit('c');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('a');
    expect(cache.get('c')).toBe('c');
  });

  it('forgets the oldest keys seen once beyond its bound', () => {
    const cache = createQuoteCache(5, 2);
    cache.set('first', 'x');
    cache.set('second', 'x');
    cache.set('third', 'x'); // pushes `first` out of the keys seen once
    cache.set('first', 'x'); // seen "once" again, not admitted
    expect(cache.get('first')).toBeUndefined();
    cache.set('third', 'x');
    expect(cache.get('third')).toBe('x');
  });

  it('keys on the body, the language, the prices, the policy switches and the Paris day; refuses to key what cannot be a trip', () => {
    const context = { pricesStamp: 3, policyStamp: 1, parisDate: '2027-03-10', lang: 'fr' };
    const key = quoteCacheKey({ legs: [] }, context);
    expect(key).toBe('3|1|2027-03-10|fr|{"legs":[]}');
    expect(quoteCacheKey({ legs: [] }, { ...context, lang: 'en' })).not.toBe(key);
    expect(quoteCacheKey({ legs: [] }, { ...context, pricesStamp: 4 })).not.toBe(key);
    expect(quoteCacheKey({ legs: [] }, { ...context, policyStamp: 2 })).not.toBe(key);
    expect(quoteCacheKey({ legs: [] }, { ...context, parisDate: '2027-03-11' })).not.toBe(key);
    expect(quoteCacheKey({ note: 'x'.repeat(10_000) }, context)).toBeNull();
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { deep };
    expect(quoteCacheKey(deep, context)).toBeNull();
  });
});
