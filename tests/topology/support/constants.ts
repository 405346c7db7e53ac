export const topologyBasePath = '/it-assets-manager';
export const topologyDistDir = '.next-topology';
export const topologySecret = 'topology-test-secret-0123456789-abcdefghij';
