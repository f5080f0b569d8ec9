import { declareErrors, declareTexts } from '../shared/errors.ts';
import declared from './missions.errors.json' with { type: 'json' };

// A mission's state and an action as a sentence names them ("une mission soumise").
export const missionStateTexts = declareTexts('mission.state', declared.missionStateTexts);

export const missionActionTexts = declareTexts('mission.action', declared.missionActionTexts);

export const missionTexts = declareTexts('mission', declared.missionTexts);

export const missionErrors = declareErrors('mission', declared.missionErrors);
