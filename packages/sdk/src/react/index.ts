export { MyToutaticeProvider, useClient, createQueryClient } from './provider.tsx';
export type { MyToutaticeProviderProps } from './provider.tsx';
export { queryKeys } from './query-keys.ts';
export type { FileKeys } from './query-keys.ts';
export { FilesScopeProvider, useFilesScope } from './files-scope.tsx';
export type { FilesScope } from './files-scope.tsx';
export { useMe, useCreateSpace, useApps, useUsage, meQueryOptions, appsQueryOptions } from './use-space.ts';
export type { ShellProps } from './shell-props.ts';
export { useAppPasswords, useCreateAppPassword, useRevokeAppPassword } from './use-app-passwords.ts';
export {
  useFolder,
  useFile,
  useCreateFolder,
  useDownloadLink,
  useSearch,
  useRecent,
  useFavorites,
  useTrashListing,
  useRenameOrMove,
  useCopy,
  useTrash,
  useRestore,
  useDestroy,
  useEmptyTrash,
  useZip,
} from './use-files.ts';
export type { FolderSort, KnownFile, UpdateVariables, CopyVariables } from './use-files.ts';
export { useFileVersions, useOverwrite, useRestoreVersion, useDeleteVersion } from './use-versions.ts';
export type { OverwriteVariables, VersionVariables } from './use-versions.ts';
export { useNotes, useCreateNote } from './use-notes.ts';
export { useUpload } from './use-upload.ts';
export type { UploadVariables } from './use-upload.ts';
export {
  useDocuments,
  useDocument,
  useCreateDocument,
  useUpdateDocument,
  useDeleteDocument,
} from './use-documents.ts';
export type { UpdateDocumentVariables, DeleteDocumentVariables } from './use-documents.ts';
export {
  useSharings,
  useSharing,
  usePeopleSearch,
  useCreateSharing,
  useAddSharingMembers,
  useChangeSharingRole,
  useRemoveSharingMember,
  useStopSharing,
  useCopyFromSharing,
} from './use-sharings.ts';
export type {
  AddMembersVariables,
  ChangeRoleVariables,
  RemoveMemberVariables,
  CopyFromSharingVariables,
} from './use-sharings.ts';
export { connectRealtimeToQueryClient } from './use-realtime.ts';
export { useNotifications, useReadSharingNotifications, isUnread } from './use-notifications.ts';
