import { describe, expect, it } from 'vitest';
import { lodgingTierFor } from '../../src/costs/lodging-tier.models.ts';

const tier = (city: string, extra: Record<string, unknown> = {}) => lodgingTierFor({ city, countryCode: 'FR', ...extra });

describe('lodgingTierFor', () => {
  it('the City of Paris gets the Paris rate', () => {
    expect(tier('Paris')).toBe('paris');
    expect(tier('PARIS 15e Arrondissement')).toBe('paris');
    expect(tier('Paris', { postalCode: '75015' })).toBe('paris');
  });

  it('Grand Paris communes get the large-city rate, whatever their population', () => {
    expect(tier('Boulogne-Billancourt', { population: 120_000 })).toBe('large_city');
    expect(tier("L'Haÿ-les-Roses")).toBe('large_city');
    expect(tier('l hay les roses')).toBe('large_city');
    expect(tier('Plessis-Robinson')).toBe('large_city'); // article dropped
    expect(tier('St-Maur-des-Fossés')).toBe('large_city');
    expect(tier('Saint-Ouen')).toBe('large_city'); // former name of Saint-Ouen-sur-Seine
    expect(tier('Marnes-la-Coquette', { population: 1700 })).toBe('large_city');
    expect(tier('Argenteuil')).toBe('large_city'); // Val-d'Oise member
    expect(tier('Viry-Châtillon', { departmentCode: '91' })).toBe('large_city'); // Essonne member
  });

  it('any commune of 92, 93 or 94 is in, and a department rules out homonyms', () => {
    expect(tier('Some new commune', { departmentCode: '93' })).toBe('large_city');
    expect(tier('Saint-Maurice', { postalCode: '94410' })).toBe('large_city');
    expect(tier('Fresnes', { departmentCode: '21' })).toBe('base');
    expect(tier('Cergy', { departmentCode: '95', population: 66_000 })).toBe('base');
    expect(tier('Paris', { departmentCode: '41' })).toBe('base');
  });

  it('other cities: large from 200 000 inhabitants', () => {
    expect(tier('Lyon', { population: 520_000 })).toBe('large_city');
    expect(tier('Rennes', { population: 200_000 })).toBe('large_city');
    expect(tier('Nîmes', { population: 199_999 })).toBe('base');
    expect(tier('Alès', { population: 40_000 })).toBe('base');
    expect(tier('Alès')).toBe('base'); // unknown population: base rate
  });

  it('refuses places outside France and bad input', () => {
    expect(() => lodgingTierFor({ city: 'Berlin', countryCode: 'DE', population: 3_600_000 })).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => tier('')).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => tier('Paris', { postalCode: '750' })).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
  });
});
