import * as migration_20261124_172221_initial from './20261124_172221_initial';
import * as migration_20261124_201323_roles_ownership from './20261124_201323_roles_ownership';
import * as migration_20261124_204526_discussion_settings from './20261124_204526_discussion_settings';
import * as migration_20261124_222148_comment_reply_notifications from './20261124_222148_comment_reply_notifications';
import * as migration_20261124_222333_article_views from './20261124_222333_article_views';
import * as migration_20261124_222925_editorial_workflow from './20261124_222925_editorial_workflow';
import * as migration_20261125_012425_article_search_text from './20261125_012425_article_search_text';
import * as migration_20261125_014504_reader_indexes from './20261125_014504_reader_indexes';
import * as migration_20261125_015454_comment_email_status_index from './20261125_015454_comment_email_status_index';
import * as migration_20261207_004824_comment_spam_reason from './20261207_004824_comment_spam_reason';
import * as migration_20261207_020437_media_storage from './20261207_020437_media_storage';
import * as migration_20261207_035736_tags_pages_redirects from './20261207_035736_tags_pages_redirects';
import * as migration_20261207_040239_import_sources from './20261207_040239_import_sources';
import * as migration_20261207_130000_article_search_index from './20261207_130000_article_search_index';
import * as migration_20261207_140510_newsroom_tools from './20261207_140510_newsroom_tools';
import * as migration_20261207_140511_media_used_backfill from './20261207_140511_media_used_backfill';
import * as migration_20261207_140512_reference_deletes from './20261207_140512_reference_deletes';
import * as migration_20261207_155500_cast_spotlight_members from './20261207_155500_cast_spotlight_members';

export const migrations = [
  {
    up: migration_20261124_172221_initial.up,
    down: migration_20261124_172221_initial.down,
    name: '20261124_172221_initial',
  },
  {
    up: migration_20261124_201323_roles_ownership.up,
    down: migration_20261124_201323_roles_ownership.down,
    name: '20261124_201323_roles_ownership',
  },
  {
    up: migration_20261124_204526_discussion_settings.up,
    down: migration_20261124_204526_discussion_settings.down,
    name: '20261124_204526_discussion_settings',
  },
  {
    up: migration_20261124_222148_comment_reply_notifications.up,
    down: migration_20261124_222148_comment_reply_notifications.down,
    name: '20261124_222148_comment_reply_notifications',
  },
  {
    up: migration_20261124_222333_article_views.up,
    down: migration_20261124_222333_article_views.down,
    name: '20261124_222333_article_views',
  },
  {
    up: migration_20261124_222925_editorial_workflow.up,
    down: migration_20261124_222925_editorial_workflow.down,
    name: '20261124_222925_editorial_workflow',
  },
  {
    up: migration_20261125_012425_article_search_text.up,
    down: migration_20261125_012425_article_search_text.down,
    name: '20261125_012425_article_search_text',
  },
  {
    up: migration_20261125_014504_reader_indexes.up,
    down: migration_20261125_014504_reader_indexes.down,
    name: '20261125_014504_reader_indexes',
  },
  {
    up: migration_20261125_015454_comment_email_status_index.up,
    down: migration_20261125_015454_comment_email_status_index.down,
    name: '20261125_015454_comment_email_status_index',
  },
  {
    up: migration_20261207_004824_comment_spam_reason.up,
    down: migration_20261207_004824_comment_spam_reason.down,
    name: '20261207_004824_comment_spam_reason',
  },
  {
    up: migration_20261207_020437_media_storage.up,
    down: migration_20261207_020437_media_storage.down,
    name: '20261207_020437_media_storage',
  },
  {
    up: migration_20261207_035736_tags_pages_redirects.up,
    down: migration_20261207_035736_tags_pages_redirects.down,
    name: '20261207_035736_tags_pages_redirects',
  },
  {
    up: migration_20261207_040239_import_sources.up,
    down: migration_20261207_040239_import_sources.down,
    name: '20261207_040239_import_sources',
  },
  {
    up: migration_20261207_130000_article_search_index.up,
    down: migration_20261207_130000_article_search_index.down,
    name: '20261207_130000_article_search_index',
  },
  {
    up: migration_20261207_140510_newsroom_tools.up,
    down: migration_20261207_140510_newsroom_tools.down,
    name: '20261207_140510_newsroom_tools',
  },
  {
    up: migration_20261207_140511_media_used_backfill.up,
    down: migration_20261207_140511_media_used_backfill.down,
    name: '20261207_140511_media_used_backfill',
  },
  {
    up: migration_20261207_140512_reference_deletes.up,
    down: migration_20261207_140512_reference_deletes.down,
    name: '20261207_140512_reference_deletes',
  },
  {
    up: migration_20261207_155500_cast_spotlight_members.up,
    down: migration_20261207_155500_cast_spotlight_members.down,
    name: '20261207_155500_cast_spotlight_members',
  },
];
