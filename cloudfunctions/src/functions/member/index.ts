import { createFunction } from '../../core/dispatch';
import { bind } from './bind';
import { me } from './me';

export const memberFunction = createFunction('member', { me, bind });
