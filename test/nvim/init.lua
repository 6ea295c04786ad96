-- Neovim (0.7+) as a second real LSP client: starts the NIRmesh language server on the buffer's
-- `*.nir.yaml` file, waits until diagnostics arrive (a condition wait, not a sleep), prints them
-- as one JSON line on stdout and quits (exit 0 when diagnostics arrived, 1 otherwise).
-- Environment: NIRMESH_LSP_CMD (a JSON array: the server command), NIRMESH_SETTINGS (JSON, optional).
local cmd = vim.fn.json_decode(os.getenv('NIRMESH_LSP_CMD'))
local settings = os.getenv('NIRMESH_SETTINGS')
settings = settings and vim.fn.json_decode(settings) or vim.empty_dict()

vim.cmd([[autocmd BufRead,BufNewFile *.nir.yaml setlocal filetype=nir-yaml]])

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'nir-yaml',
  callback = function(args)
    local id = vim.lsp.start_client({
      name = 'nirmesh',
      cmd = cmd,
      root_dir = vim.fn.getcwd(),
      settings = { nirmesh = settings },
      init_options = { nirmesh = settings }, -- Neovim 0.7 neither pushes nor serves settings
      on_exit = function(code) io.stderr:write('nirmesh server exited ' .. tostring(code) .. '\n') end,
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
    local out = { filetype = vim.bo.filetype, got = ok, diagnostics = {} }
    for _, d in ipairs(vim.diagnostic.get(0)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(out.diagnostics, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code,
      })
    end
    io.stdout:write(vim.fn.json_encode(out) .. '\n')
    for _, client in ipairs(vim.lsp.get_active_clients()) do client.stop() end
    vim.cmd(ok and 'qa!' or 'cq!')
  end,
})
