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
