import { createFunction } from '../../core/dispatch';
import { me } from './me';

export const memberFunction = createFunction('member', { me });
