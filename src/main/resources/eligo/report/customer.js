// A customer's page: the outcome filter (site.css hides the rows of an unchecked outcome), added
// by script so that a page without script carries none of it and shows every row.
(function(){
  var nav=document.querySelector('nav.areas');
  if(!nav)return;
  var p=document.createElement('p');
  p.appendChild(document.createTextNode('Show: '));
  [['met','Met'],['not_met','Not met'],['not_evaluated','Not evaluated']].forEach(function(o){
    var box=document.createElement('input'),label=document.createElement('label');
    box.type='checkbox';box.id='f-'+o[0];box.checked=true;
    label.htmlFor=box.id;label.className=o[0];label.textContent=o[1];
    p.appendChild(box);p.appendChild(label);p.appendChild(document.createTextNode(' '));
  });
  nav.parentNode.insertBefore(p,nav.nextSibling);
})();
