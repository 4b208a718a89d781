import * as migration_20261124_172232_initial from './20261124_172232_initial';

export const migrations = [
  {
    up: migration_20261124_172232_initial.up,
    down: migration_20261124_172232_initial.down,
    name: '20261124_172232_initial'
  },
];
