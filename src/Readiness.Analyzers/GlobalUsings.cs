// The namespaces nearly every file of this project uses, imported once.
global using System;
global using System.Collections.Generic;
global using System.Collections.Immutable;
global using System.Threading;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
global using Microsoft.CodeAnalysis.Diagnostics;
global using Microsoft.CodeAnalysis.Operations;
global using Readiness.Analyzers.AppModel;
global using Readiness.Analyzers.Common;
global using Readiness.Analyzers.Options;
