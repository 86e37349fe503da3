import type { DriveKey } from '../messages.ts';
import { useToast, useT } from '@mytoutatice/ui';
import { entriesOfDrop, inputsFromEntries, inputsFromPicker } from './picked-files.ts';
import { useUploadQueueContext } from './upload-context.tsx';

/** Queues what was dropped on a folder: files, and folders with all they hold. */
export function useDropUpload(folderId: string): (transfer: DataTransfer) => void {
  const t = useT<DriveKey>();
  const toast = useToast();
  const queue = useUploadQueueContext();
  return (transfer) => {
    // Taken now: the browser empties the DataTransfer when the drop event is over.
    const entries = entriesOfDrop(transfer);
    if (!entries) {
      queue.add(inputsFromPicker(transfer.files, folderId));
      return;
    }
    inputsFromEntries(entries, folderId)
      .then((inputs) => queue.add(inputs))
      .catch(() => toast.error(t('drive.uploads.unreadable')));
  };
}
