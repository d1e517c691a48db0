// Every test starts without the developer's own AWS settings: nothing may reach real AWS.
for (const key of Object.keys(process.env)) {
  if (key.startsWith('AWS_') && key !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete process.env[key];
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
// Nor the Bodo Platform: no developer token, and code reading process.env points at a closed loopback port.
for (const key of ['BODO_ORG_CLIENT_ID', 'BODO_ORG_SECRET_KEY', 'BODO_CLIENT_ID', 'BODO_SECRET_KEY']) delete process.env[key];
process.env.ONRAMP_PLATFORM_API_URL = 'http://127.0.0.1:9/api';
process.env.ONRAMP_PLATFORM_AUTH_URL = 'http://127.0.0.1:9';
