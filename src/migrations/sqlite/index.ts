import * as migration_20261124_172221_initial from './20261124_172221_initial';

export const migrations = [
  {
    up: migration_20261124_172221_initial.up,
    down: migration_20261124_172221_initial.down,
    name: '20261124_172221_initial'
  },
];
