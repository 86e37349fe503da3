export { errorCodes, errorStatus, ErrorCode, Problem, PROBLEM_CONTENT_TYPE } from './errors.ts';
export { MAX_NAME_BYTES, checkName, numberedName } from './names.ts';
export type { NameCheck } from './names.ts';
export {
  ROOT_ID,
  TRASH_ID,
  FileKind,
  FileDoc,
  LocatedFile,
  FolderListing,
  FileSort,
  SortOrder,
  FileList,
  SearchResults,
  MAX_SEARCH_LENGTH,
  CreateFolderBody,
  PatchFileBody,
  CopyFileBody,
  DownloadLink,
  DownloadVia,
  contentDigest,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  checkTags,
} from './files.ts';
export { FileVersion, FileVersionList } from './file-versions.ts';
export {
  NOTES_FOLDER_NAME,
  NOTE_EXTENSION,
  MAX_NOTE_MARKDOWN_BYTES,
  MAX_NOTE_UPDATE_BYTES,
  MAX_NOTE_IMAGE_BYTES,
  NOTE_IMAGE_TYPES,
  NOTE_IMAGES_FOLDER_NAME,
  noteImagesPath,
  noteImageSrc,
  noteImageOf,
  NoteImageUploaded,
  CreateNoteBody,
  NoteItem,
  NoteList,
  noteCollabPath,
  NOTE_CLOSE,
  NOTE_STATE_CHECK,
  notePagePath,
  titleFromFileName,
  isNoteFileName,
} from './notes.ts';
export { Doctype, doctypes, Document, DocumentBody, DocumentListing, MAX_DOCUMENT_BYTES } from './documents.ts';
export {
  NoteData,
  ContactData,
  AlbumData,
  documentSchemas,
  queryableFields,
  DocumentFilterOp,
} from './documents.ts';
export {
  ChangeKind,
  Change,
  ChangeBatch,
  MAX_CHANGES_WAIT_S,
  REALTIME_PROTOCOL,
  REALTIME_BEARER_PREFIX,
  realtimeCloseCodes,
  RealtimeSubscription,
  RealtimeClientMessage,
  RealtimeServerMessage,
} from './changes.ts';
export {
  Profile,
  SessionUser,
  Space,
  Me,
  OnboardingBody,
  EMAIL_PATTERN,
  slugFromUsername,
} from './space.ts';
export { AppSlug, AppManifest, InstalledApp, InstalledApps, AppToken } from './apps.ts';
export { MAX_APP_PASSWORD_LABEL, AppPasswordLabel, CreateAppPasswordBody, AppPassword, AppPasswordList, CreatedAppPassword } from './app-passwords.ts';
export { InstanceSlug, CreateInstanceBody, CreatedInstance, InstanceInfo, VerifyAppPasswordBody, VerifiedAppPassword } from './instances.ts';
export { internalTokenClaims, INTERNAL_TOKEN_AUDIENCE } from './internal-token.ts';
export { BLOB_FILE_HEADER, BLOB_OFFLOAD_FILE, BLOB_OFFLOAD_HEADER, BLOB_RANGE_HEADER } from './blob-offload.ts';
export type { InternalScope, InternalTokenClaims } from './internal-token.ts';
export { FILES_TYPE, GrantVerb, FilesGrant, DocumentGrant, Grant, DEVICE_GRANTS, grantsFromManifest } from './grants.ts';
export {
  SharingRole,
  SharingId,
  MAX_SHARING_MEMBERS,
  SharingMemberInput,
  CreateSharingBody,
  AddSharingMembersBody,
  ChangeSharingRoleBody,
  SharingMember,
  Sharing,
  SharingList,
  CopySharedItemBody,
  MAX_COPY_ITEMS,
} from './sharings.ts';
export {
  LinkCode,
  LinkId,
  LinkAccess,
  MIN_LINK_PASSWORD,
  CreateLinkBody,
  UpdateLinkBody,
  PublicLink,
  PublicLinkList,
  LinkVisit,
  UnlockLinkBody,
  LinkUnlock,
} from './links.ts';
export { SharingNotificationData, NotificationData } from './notifications.ts';
export { MIN_PEOPLE_QUERY, MAX_PEOPLE_QUERY, MAX_PEOPLE_RESULTS, PeopleQuery, Person, PeopleSearch } from './people.ts';
export { MAX_ZIP_IDS, ZipSelectionBody } from './zip.ts';
export { MAX_REFERENCE_IDS, ReferencesBody, ReferencedFiles, DocumentRef, ReferencingDocuments } from './references.ts';
export { apiRoutes, apiRoute } from './api/api-routes.ts';
export type { ApiParam, ApiPayload, ApiResponse, ApiRoute, HttpMethod, RoutePermission } from './api/api-route.ts';
export { openApiDocument, openApiJson } from './api/openapi.ts';
export { queryString, routePath } from './api/route-path.ts';
export type { ParsedBody, ParsedQuery, RouteAnswer, RouteBody, RouteCallInput, RouteParams, RouteQuery } from './api/route-types.ts';
export { listAppPasswordsRoute, createAppPasswordRoute, revokeAppPasswordRoute } from './api/app-password-routes.ts';
export { listDocumentsRoute, createDocumentRoute, getDocumentRoute, updateDocumentRoute, deleteDocumentRoute } from './api/document-routes.ts';
export { getFileRoute, listFolderRoute, updateFileRoute, deleteFileRoute, restoreFileRoute, copyFileRoute, createFolderRoute, uploadFileRoute, getFileContentRoute, createDownloadLinkRoute, downloadByLinkRoute, searchFilesRoute, listRecentFilesRoute, listFavoriteFilesRoute, listTrashRoute, emptyTrashRoute } from './api/file-routes.ts';
export { createLinkRoute, listLinksRoute, changeLinkRoute, disableLinkRoute, visitLinkRoute, unlockLinkRoute } from './api/link-routes.ts';
export { searchPeopleRoute } from './api/people-routes.ts';
export { listNotesRoute, createNoteRoute, uploadNoteImageRoute, getNoteImageRoute } from './api/note-routes.ts';
export { addReferencesRoute, removeReferencesRoute, listReferencesRoute, listReferencingDocumentsRoute } from './api/reference-routes.ts';
export { createSharingRoute, listSharingsRoute, getSharingRoute, stopSharingRoute, addSharingMembersRoute, changeSharingRoleRoute, removeSharingMemberRoute, copySharedItemRoute } from './api/sharing-routes.ts';
export { readChangesRoute, getInstanceRoute, createInstanceRoute, verifyAppPasswordRoute, getMeRoute, createSpaceRoute, listAppsRoute, mintAppTokenRoute } from './api/space-routes.ts';
export { createUploadRoute, getUploadOffsetRoute, appendToUploadRoute, terminateUploadRoute } from './api/upload-routes.ts';
export { overwriteFileRoute, listFileVersionsRoute, getFileVersionContentRoute, restoreFileVersionRoute, deleteFileVersionRoute } from './api/version-routes.ts';
export { zipFolderRoute, zipSelectionRoute } from './api/zip-routes.ts';
