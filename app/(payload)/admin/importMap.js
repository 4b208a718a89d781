import { ReviewNoteBanner as ReviewNoteBanner_bcdba87047f6b7efaddbae5fb1231de2 } from '@/admin/review/ReviewNoteBanner.client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { UploadCaptionClientFeature as UploadCaptionClientFeature_cb66a01d6b943aa23b5ee666ccecd06c } from '@/fields/uploadCaption/feature.client'
import { EditorNameClientFeature as EditorNameClientFeature_a613dcde880561e0a00f59b40124f780 } from '@/fields/editorName/feature.client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PullQuoteEditorBlock as PullQuoteEditorBlock_f57d6024ce4f5ba0411d86d86ae134cd } from '@/blocks/PullQuote/EditorBlock.client'
import { VideoEmbedEditorBlock as VideoEmbedEditorBlock_4c5a559a28937713cca1bc87a7a6dfa8 } from '@/blocks/VideoEmbed/EditorBlock.client'
import { CastSpotlightEditorBlock as CastSpotlightEditorBlock_69a1a02db90c7d193216a8cd14358be6 } from '@/blocks/CastSpotlight/EditorBlock.client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewStateField as ReviewStateField_e87ed9cfbfccbe9d967cf16a03e0c93e } from '@/admin/review/ReviewStateField.client'
import { EditorStats as EditorStats_bdfddc8b7c310a5e698a09f9cc5fa30b } from '@/admin/editorStats/EditorStats.client'
import { CopyPreviewLink as CopyPreviewLink_d539ccb21fbb6c1611777c79c846b439 } from '@/admin/preview/CopyPreviewLink.client'
import { CommentCountCell as CommentCountCell_22df9d9126185346479dd871821f22ad } from '@/admin/commentCount/CommentCountCell'
import { EditorDiff as EditorDiff_13dfb78af503361b86013e6a4d8e8b8c } from '@/admin/versions/EditorDiff'
import { NoDiff as NoDiff_777d78adc282ae69c7ed046da44882af } from '@/admin/versions/NoDiff'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { ArticleScope as ArticleScope_47ad5e81169c024dc18d7b1ee149e4ec } from '@/admin/myArticles/ArticleScope'
import { EmptyDraftsNotice as EmptyDraftsNotice_4efd7238471c9b5b0d2738f72d682f30 } from '@/admin/emptyDrafts/EmptyDraftsNotice'
import { PublishOrSubmit as PublishOrSubmit_d58466a349a584c51f4b5d7eca3f0133 } from '@/admin/review/PublishOrSubmit.client'
import { CreateInPlaceEditView as CreateInPlaceEditView_fc031ba8a97d6b7a04986e24dd71e427 } from '@/admin/createNew/CreateInPlace.client'
import { VersionsView as VersionsView_e706f3330dda2189f6adb27ae5e323f9 } from '@/admin/versions/VersionsView'
import { DuplicateCheck as DuplicateCheck_fbf14b3435878b04c19d9686e633cca6 } from '@/admin/media/DuplicateCheck.client'
import { DuplicateNotice as DuplicateNotice_f09cdb971483c4c79781d06def881c74 } from '@/admin/media/DuplicateNotice'
import { MediaUsage as MediaUsage_aa4ccd2c370fb356f6a094dba94c79e8 } from '@/admin/media/MediaUsage'
import { MediaListView as MediaListView_d54241d91f4d4c0581f907fd90e0c552 } from '@/admin/media/MediaListView'
import { InitialsAvatar as InitialsAvatar_b6a26419e640b7bb33b4993901e0cb75 } from '@/admin/avatar/InitialsAvatar.client'
import { ImportNavLink as ImportNavLink_eac1a699eb49a521c790b077b4ac20dd } from '@/import/wordpress/admin/NavLink'
import { Dashboard as Dashboard_0d6625b7f13ee764fd23a0cf2428adda } from '@/admin/dashboard/Dashboard'
import { ModerationNavLink as ModerationNavLink_7cef92cd73c17662c1449f444b52a04a } from '@/admin/moderation/NavLink'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { DashboardOrQueue as DashboardOrQueue_e3a472ae1e63792dff5c05a94c48ebeb } from '@/admin/moderation/DashboardOrQueue'
import { ImportView as ImportView_9e0c821d62da15f4a2c8d54628068c7f } from '@/import/wordpress/admin/ImportView'
import { ModerationView as ModerationView_f72e416d30a7bb35fb5f9e077d934544 } from '@/admin/moderation/ModerationView'
import { EmptyDraftsView as EmptyDraftsView_1649b517d795a707fd059fdb80a2b2d0 } from '@/admin/emptyDrafts/EmptyDraftsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@/admin/review/ReviewNoteBanner.client#ReviewNoteBanner": ReviewNoteBanner_bcdba87047f6b7efaddbae5fb1231de2,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@/fields/uploadCaption/feature.client#UploadCaptionClientFeature": UploadCaptionClientFeature_cb66a01d6b943aa23b5ee666ccecd06c,
  "@/fields/editorName/feature.client#EditorNameClientFeature": EditorNameClientFeature_a613dcde880561e0a00f59b40124f780,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@/blocks/PullQuote/EditorBlock.client#PullQuoteEditorBlock": PullQuoteEditorBlock_f57d6024ce4f5ba0411d86d86ae134cd,
  "@/blocks/VideoEmbed/EditorBlock.client#VideoEmbedEditorBlock": VideoEmbedEditorBlock_4c5a559a28937713cca1bc87a7a6dfa8,
  "@/blocks/CastSpotlight/EditorBlock.client#CastSpotlightEditorBlock": CastSpotlightEditorBlock_69a1a02db90c7d193216a8cd14358be6,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@/admin/review/ReviewStateField.client#ReviewStateField": ReviewStateField_e87ed9cfbfccbe9d967cf16a03e0c93e,
  "@/admin/editorStats/EditorStats.client#EditorStats": EditorStats_bdfddc8b7c310a5e698a09f9cc5fa30b,
  "@/admin/preview/CopyPreviewLink.client#CopyPreviewLink": CopyPreviewLink_d539ccb21fbb6c1611777c79c846b439,
  "@/admin/commentCount/CommentCountCell#CommentCountCell": CommentCountCell_22df9d9126185346479dd871821f22ad,
  "@/admin/versions/EditorDiff#EditorDiff": EditorDiff_13dfb78af503361b86013e6a4d8e8b8c,
  "@/admin/versions/NoDiff#NoDiff": NoDiff_777d78adc282ae69c7ed046da44882af,
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@/admin/myArticles/ArticleScope#ArticleScope": ArticleScope_47ad5e81169c024dc18d7b1ee149e4ec,
  "@/admin/emptyDrafts/EmptyDraftsNotice#EmptyDraftsNotice": EmptyDraftsNotice_4efd7238471c9b5b0d2738f72d682f30,
  "@/admin/review/PublishOrSubmit.client#PublishOrSubmit": PublishOrSubmit_d58466a349a584c51f4b5d7eca3f0133,
  "@/admin/createNew/CreateInPlace.client#CreateInPlaceEditView": CreateInPlaceEditView_fc031ba8a97d6b7a04986e24dd71e427,
  "@/admin/versions/VersionsView#VersionsView": VersionsView_e706f3330dda2189f6adb27ae5e323f9,
  "@/admin/media/DuplicateCheck.client#DuplicateCheck": DuplicateCheck_fbf14b3435878b04c19d9686e633cca6,
  "@/admin/media/DuplicateNotice#DuplicateNotice": DuplicateNotice_f09cdb971483c4c79781d06def881c74,
  "@/admin/media/MediaUsage#MediaUsage": MediaUsage_aa4ccd2c370fb356f6a094dba94c79e8,
  "@/admin/media/MediaListView#MediaListView": MediaListView_d54241d91f4d4c0581f907fd90e0c552,
  "@/admin/avatar/InitialsAvatar.client#InitialsAvatar": InitialsAvatar_b6a26419e640b7bb33b4993901e0cb75,
  "@/import/wordpress/admin/NavLink#ImportNavLink": ImportNavLink_eac1a699eb49a521c790b077b4ac20dd,
  "@/admin/dashboard/Dashboard#Dashboard": Dashboard_0d6625b7f13ee764fd23a0cf2428adda,
  "@/admin/moderation/NavLink#ModerationNavLink": ModerationNavLink_7cef92cd73c17662c1449f444b52a04a,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@/admin/moderation/DashboardOrQueue#DashboardOrQueue": DashboardOrQueue_e3a472ae1e63792dff5c05a94c48ebeb,
  "@/import/wordpress/admin/ImportView#ImportView": ImportView_9e0c821d62da15f4a2c8d54628068c7f,
  "@/admin/moderation/ModerationView#ModerationView": ModerationView_f72e416d30a7bb35fb5f9e077d934544,
  "@/admin/emptyDrafts/EmptyDraftsView#EmptyDraftsView": EmptyDraftsView_1649b517d795a707fd059fdb80a2b2d0,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
