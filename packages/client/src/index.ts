export {
  type AppErrorCode,
  type AppErrorView,
  appErrorOf,
  isClientError,
  type Messages,
  NETWORK_MESSAGES,
} from './app-error';
export { createAppClients } from './clients';
export { makeQueryClient, type QueryClientOptions } from './query-client';
export {
  createTrpcClient,
  type Me,
  type Role,
  type RouterInputs,
  type RouterOutputs,
  TRPCProvider,
  type TrpcClient,
  type TrpcClientOptions,
  useTRPC,
  useTRPCClient,
} from './trpc';
export { uploadFile } from './upload';
